"""Reading the demo's content files, with one kind of error for anything wrong in them."""

from toolkit.provision.builder import ToolkitSetupError, read_yaml


class DemoContentError(Exception):
    """A demo file is missing or malformed; the message names the file and the problem."""


def read_demo_yaml(path):
    try:
        return read_yaml(path)
    except ToolkitSetupError as error:
        raise DemoContentError(str(error)) from error
