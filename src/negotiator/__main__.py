from negotiator.start import main

main()
