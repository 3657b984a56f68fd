import sys

from xviz.cli import main

sys.exit(main())
