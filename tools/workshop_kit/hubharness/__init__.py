"""A real JupyterHub on 127.0.0.1, started from hub/jupyterhub_config.py, and what students do
on it. Used by the hub tests (tests/hub/conftest.py makes the fixtures), the screenshot command
and the class benchmark (workshop_bench.hub_burst):

- githost: GitHost serves bare git repositories over HTTP the way a git host does.
- hub: Hub, the workshop hub with test-only settings layered on.
- student: Student does what a student's browser does (log in, follow an nbgitpuller link).

What only the tests do on a student's server (files and kernels, as JupyterLab reaches them)
is in tests/helpers/student_server.py and kernel.py.
"""
