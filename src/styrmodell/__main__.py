from styrmodell.cli.main import main

main()
