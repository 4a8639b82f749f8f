print("sfstream")
