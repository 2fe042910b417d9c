from negotiator.cli import main

main()
