"""Text matching shared by the stages: word lists as tries, rules tried only near their
needed words, what a regex must contain, and word cutting (jieba)."""
