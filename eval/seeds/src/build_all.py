"""Build all seed workbooks: python3 build_all.py"""
import importlib
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
SCRIPTS = [
    "s000_norra_vastmanland_2021_2023",
    "s001_norra_vastmanland_2020",
    "s002_vastmanland_2025_2027",
    "s003_norra_vastmanland_2023",
    "s004_kramfors_2021",
]

if __name__ == "__main__":
    for name in SCRIPTS:
        print(importlib.import_module(name).build())
