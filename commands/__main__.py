from commands.main import cli

cli(prog_name="govledger")
