"""Qt widgets. Only this package (and __main__) imports PySide6."""
