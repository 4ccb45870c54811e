"""``python -m renja_xl``: the same command line as ``renja-xl`` (for PCs where the script is not on PATH)."""

from renja_xl.cli import main

if __name__ == "__main__":
    main()
