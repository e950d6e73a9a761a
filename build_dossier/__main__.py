from build_dossier.cli import main

main()
