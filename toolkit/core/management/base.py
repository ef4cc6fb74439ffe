"""The base of the project's management commands: a refusal is one line, as the rest of a
command's errors are.

argparse answers a wrong argument (an unknown option, ``--days x``) with its usage block, which
for a Django command is five lines of the options every command has, before the line that says
what is wrong. A council's operator reading a failed timer's log, or a deploy script's output,
needs that one line; ``--help`` still lists every option.
"""

from functools import partial

from django.core.management.base import BaseCommand, CommandError


def one_line_error(parser, message):
    """``CommandParser.error`` without the usage block: exit 2 on the command line (as argparse
    does), a ``CommandError`` under ``call_command`` (as Django does)."""
    if parser.called_from_command_line:
        parser.exit(2, f"{parser.prog}: error: {message} (--help lists the options)\n")
    raise CommandError(f"Error: {message}")


class ToolkitCommand(BaseCommand):
    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.error = partial(one_line_error, parser)
        return parser
