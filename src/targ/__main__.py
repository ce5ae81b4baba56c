from targ.cli import main

main()
