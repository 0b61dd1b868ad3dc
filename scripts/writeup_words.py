"""Counts a Markdown report's words of prose, as the report's word limit means them.

Tables, figures, headings, comments and code blocks are not prose; every other line is, and a word is
any whitespace-separated token holding a letter or a digit (ReportTests' WriteupTests count the same way).
usage: python writeup_words.py FILE.md
"""
import re
import sys


def prose_words(text):
    words, in_code = 0, False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            continue
        if in_code or stripped.startswith(("|", "![", "#", "<!--")):
            continue
        words += sum(1 for token in stripped.split() if re.search(r"\w", token))
    return words


if __name__ == "__main__":
    print(prose_words(open(sys.argv[1], encoding="utf-8").read()))
