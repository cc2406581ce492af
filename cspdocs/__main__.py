"""`python -m cspdocs`: the same command line as `cspdocs`."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="cspdocs")
