from styrmodell.cli import main

main()
