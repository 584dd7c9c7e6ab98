#!/usr/bin/env python3
"""Drive a command through a real pseudo-terminal, as a person at a keyboard would.

usage: pty-driver.py SCRIPT.json -- COMMAND ARGS...
SCRIPT is a list of [expected, answer] pairs: wait until the regular expression `expected`
appears in the output (after the previous match), then type `answer`. An answer may also be
{"run": [COMMAND, ARGS...], "type": TEXT}: run that command to its end (something that happens
while the prompt waits, e.g. another pm), then type TEXT; or {"close": true}: close the terminal
(its master side) and wait for the command to end. With PTY_COLS in the environment the terminal
is that many columns wide (40 rows). Prints one JSON object:
{"code": exit code, "output": everything the command printed}. Exit codes of signals are 128+N.
"""
import codecs, fcntl, json, os, pty, re, select, struct, subprocess, sys, termios, time

# how long a step may wait for its text: only a failing run waits it out, so it is set for a loaded
# two-core CI (a 1 KB paste is redrawn as it arrives, ~2 MB of output: 17 s at load 30, review wave 12 R5)
STEP_TIMEOUT = 45.0


def main():
    sep = sys.argv.index('--')
    script = json.load(open(sys.argv[1]))
    cmd = sys.argv[sep + 1:]
    pid, fd = pty.fork()
    if pid == 0:
        # PTY_COLS: a terminal that says how wide it is (as `stty cols 40` does), else it says 0
        if os.environ.get('PTY_COLS'):
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', 40, int(os.environ['PTY_COLS']), 0, 0))
        os.execvp(cmd[0], cmd)
    chunks = []
    # the output decoded as it arrives, not again whole at each read: a long paste is redrawn as it
    # comes (megabytes), and decoding it all at every read kept the command waiting on this driver
    decoder = codecs.getincrementaldecoder('utf-8')('replace')
    text = ''
    seen = 0
    failure = None
    closed = False

    def read_some(timeout):
        """Read all the command has printed, waiting up to `timeout` for some; False at its end."""
        nonlocal text
        r, _, _ = select.select([fd], [], [], timeout)
        if not r:
            return True
        got = []
        while r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            got.append(chunk)
            r, _, _ = select.select([fd], [], [], 0)
        chunks.extend(got)
        text += decoder.decode(b''.join(got))
        return bool(got)

    for expected, answer in script:
        pattern = re.compile(expected)
        deadline = time.time() + STEP_TIMEOUT
        while True:
            m = pattern.search(text, seen)
            if m:
                seen = m.end()
                break
            if time.time() > deadline or not read_some(0.1):
                failure = 'timed out waiting for %r' % expected
                break
        if failure:
            break
        if isinstance(answer, dict) and answer.get('close'):
            # the terminal goes away (a window closed, ssh dropped): its master side is closed
            time.sleep(0.05)
            os.close(fd)
            closed = True
            break
        if isinstance(answer, dict):
            subprocess.run(answer['run'], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            answer = answer['type']
        # typed at once, with no pause: a prompt (inquirer) listens from the moment it draws, in the
        # same tick, and drops keys typed before it drew, so waiting for its text is what matters.
        # A 50 ms pause a step was ~9 s of waiting a run in log-interactive alone.
        os.write(fd, answer.encode('utf-8'))
    if closed:
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        print(json.dumps({'code': 128 - code if code < 0 else code,
                          'output': b''.join(chunks).decode('utf-8', 'replace'),
                          'failure': failure}))
        return
    if failure:
        os.kill(pid, 9)
    deadline = time.time() + STEP_TIMEOUT
    while read_some(0.2):
        if time.time() > deadline:
            failure = failure or 'the command did not end'
            os.kill(pid, 9)
            break
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    if code < 0:
        code = 128 - code
    print(json.dumps({'code': code, 'output': b''.join(chunks).decode('utf-8', 'replace'), 'failure': failure}))


main()
