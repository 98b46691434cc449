import json, re, collections, dataclasses, datetime
print('hi')
