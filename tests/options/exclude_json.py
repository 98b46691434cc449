try:
    import json
    print("json available:", json.dumps([1]))
except ImportError as e:
    print("json excluded:", type(e).__name__)
