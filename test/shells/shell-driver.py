#!/usr/bin/env python3
"""Drive an interactive shell through a real pseudo-terminal, as a person pressing TAB would.

usage: shell-driver.py < SESSION.json
SESSION: {"argv": [...], "env": {...}, "cwd": "...", "columns": 100, "rows": 50,
          "mark": "sh" | "fish",          how the shell prints a marker: echo @@$((N))@@ or (math N)
          "setup": "text typed first",
          "steps": [{"keys": "pm hyp show \t", "after": "enter" | "clear"}, ...]}
The shell's prompt must end with "$ ". Each step types its keys (TAB is \t), then either presses
Enter (the line runs: what the shell passes to the command shows it as completed) or clears the
line with Ctrl-U (what was listed stays on the screen); then a marker command ends the step. Keys
typed while the shell completes wait in the terminal, and it reads them after, in order, as from a
fast typist; the next step starts once the prompt is back.
Prints {"steps": [what the terminal showed during each step], "failure": null or why it stopped}.
"""
import fcntl, json, os, pty, re, select, signal, struct, sys, termios, time

STEP_TIMEOUT = 10.0


def main():
    session = json.load(sys.stdin)
    columns, rows = session.get('columns', 100), session.get('rows', 50)
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
        os.chdir(session.get('cwd', '.'))
        os.execvpe(session['argv'][0], session['argv'], session['env'])
    output = b''

    def marker_command(n):
        if session.get('mark') == 'fish':
            return 'echo @@(math %d + 1)@@\r' % (n - 1)
        return 'echo @@$((%d + 1))@@\r' % (n - 1)

    def wait_marker(n):
        """Wait for the marker N and the prompt after it: the shell reads the keyboard again (keys
        sent before that could reach a terminal still in line mode, which would edit them itself)."""
        nonlocal output
        pattern = re.compile(rb'@@%d@@[\s\S]*?\$ ' % n)
        deadline = time.time() + STEP_TIMEOUT
        while True:
            m = pattern.search(output)
            if m:
                time.sleep(0.02)
                return m.start()
            if time.time() > deadline:
                return None
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return None
                if not chunk:
                    return None
                output += chunk

    def wait_prompt(since):
        nonlocal output
        deadline = time.time() + 3
        while not re.search(rb'\$ ', output[since:]) and time.time() < deadline:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                try:
                    output += os.read(fd, 65536)
                except OSError:
                    return
        time.sleep(0.05)

    def send(text):
        os.write(fd, text.encode('utf-8'))

    steps, failure = [], None
    send(session.get('setup', '') + '\r' + marker_command(1000))
    if wait_marker(1000) is None:
        failure = 'the shell did not start: ' + output.decode('utf-8', 'replace')[-2000:]
    else:
        for i, step in enumerate(session['steps']):
            start = len(output)
            send(step['keys'])
            send('\r' if step.get('after') == 'enter' else '\x15')
            send(marker_command(i + 1))
            end = wait_marker(i + 1)
            if end is None:
                # left in a state the marker cannot end (an open quote): Ctrl-C, and on to the next
                steps.append(output[start:].decode('utf-8', 'replace') + '\n(the step did not end)')
                mark = len(output)
                send('\x03')
                wait_prompt(mark)
                send(marker_command(5000 + i))
                if wait_marker(5000 + i) is None:
                    failure = 'step %d (%r) did not end, nor did Ctrl-C end it' % (i, step['keys'])
                    break
                continue
            steps.append(output[start:end].decode('utf-8', 'replace'))
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
    print(json.dumps({'steps': steps, 'failure': failure}))


main()
