# Function-level imports a stdlib package makes of its own modules are
# embedded with it (email's parser needs email.message, unittest's
# assertLogs unittest._log; concurrent.futures' executors when the program
# names them), and copyreg, which object.__reduce_ex__ and __getstate__
# import from C.
import concurrent.futures
import email.parser
import io
import logging
import unittest

msg = email.parser.Parser().parsestr("From: x\nSubject: hi\n\nbody\n")
print(msg["subject"], repr(msg.get_payload()))
print(msg.as_string())


class T(unittest.TestCase):
    def test_logs(self):
        with self.assertLogs("x", level="INFO") as cm:
            logging.getLogger("x").info("hello")
        print(cm.output)


result = unittest.TextTestRunner(stream=io.StringIO()).run(
    unittest.defaultTestLoader.loadTestsFromTestCase(T))
print(result.wasSuccessful(), result.testsRun)


class S:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 1


print(S().__getstate__())


class A:
    def __init__(self):
        self.x = 2


r = A().__reduce_ex__(2)
print(r[0].__name__, r[1][0].__name__, r[2])

print(concurrent.futures.ThreadPoolExecutor.__name__)
