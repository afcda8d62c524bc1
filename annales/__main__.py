from annales.cli import main

main()
