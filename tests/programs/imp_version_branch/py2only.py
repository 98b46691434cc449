print "py2 only"
thing = 1
