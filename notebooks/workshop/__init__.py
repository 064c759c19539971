"""Small helpers the lessons share: finding the workshop's data and checking answers.

They live beside the lessons so that they work wherever the lessons are opened (this
folder on a laptop, a class hub after an nbgitpuller link, Binder) with nothing to install.
"""
