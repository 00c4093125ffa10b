#!/usr/bin/env python3
"""Figure 6 by hand (run 13, docs/decisions/0017 addendum): starts a published Api on SQLite N times (a new database,
then the same file again) and prints, for each, the wall time and CPU used when its port first accepted a connection
and at the first 200 from /health/ready, its RSS then, and the load average. With DOTNET_PerfMapEnabled=1 also the
number of methods JIT-compiled by then (a count the machine's load does not change; the perf map slows the start).
Usage: python3 run13-start-ab.py PUBLISH_DIR/Notifier.Api [ROUNDS] [Setting:Name=value ...]"""
import os, sys, time, subprocess, socket, tempfile, shutil, urllib.request

pub = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
extra = dict(a.split('=', 1) for a in sys.argv[3:])
tick = os.sysconf('SC_CLK_TCK')

def free_port():
    s = socket.socket(); s.bind(('127.0.0.1', 0)); p = s.getsockname()[1]; s.close(); return p

def cpu(pid):
    f = open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick

def rss(pid):
    for l in open(f'/proc/{pid}/status'):
        if l.startswith('VmRSS:'): return int(l.split()[1]) / 1024

def jitted(pid):
    try:
        return sum(1 for l in open(f'/tmp/perf-{pid}.map') if ' stub<' not in l and '[' in l)
    except OSError:
        return -1

def once(d, label, idle=0):
    port = free_port()
    env = dict(os.environ)
    s = {
        'Database:Provider': 'Sqlite', 'Database:MigrateOnStart': 'true',
        'ConnectionStrings:Notifier': f'Data Source={d}/notifier.db',
        'Urls': f'http://127.0.0.1:{port}',
        'Kakao:AuthBaseUrl': 'http://127.0.0.1:9', 'Kakao:ApiBaseUrl': 'http://127.0.0.1:9',
        'Kakao:RestApiKey': 'bench-rest-key', 'Kakao:ClientSecret': 'bench-secret',
        'Kakao:AllowedLinkDomains:0': 'example.com', 'Kakao:AllowedLinkDomains:1': 'notifier.example.com',
        'Notifier:PublicUrl': 'https://notifier.example.com', 'Api:Keys:0': 'ntf_benchkey_0123456789abcdef0123456789',
        'DataProtection:KeyEncryptionKey': 'ZWZnaGlqa2xtbm9wcXJzdHV2d3h5ent8fX5/gIGCg4Q=',
        'Serilog:MinimumLevel:Default': 'Warning', 'Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime': 'Warning',
    }
    s.update(extra)
    for k, v in s.items(): env[k.replace(':', '__')] = v
    load = open('/proc/loadavg').read().split()[0]
    t0 = time.monotonic()
    cmd = ['dotnet', os.path.join(pub, 'Notifier.Api.dll')]
    if os.environ.get('PERF') and label == os.environ.get('PERF'):
        cmd = ['perf', 'record', '-F', '1999', '-g', '-o', f'/tmp/start-h/perf-{label}.data', '--'] + cmd
    p = subprocess.Popen(cmd, cwd=pub, env=env,
                         stdout=open(f'{d}/{label}.out', 'w'), stderr=subprocess.STDOUT)
    listen = None
    try:
        while True:
            if listen is None:
                try:
                    socket.create_connection(('127.0.0.1', port), timeout=1).close()
                    listen = (time.monotonic() - t0, cpu(p.pid), jitted(p.pid))
                except OSError:
                    pass
            if listen is not None:
                try:
                    with urllib.request.urlopen(f'http://127.0.0.1:{port}/health/ready', timeout=5) as r:
                        if r.status == 200: break
                except Exception:
                    pass
            if p.poll() is not None:
                print(open(f'{d}/{label}.out').read()); raise SystemExit('exited')
            time.sleep(0.01)
        wall = time.monotonic() - t0; c = cpu(p.pid); r = rss(p.pid); j = jitted(p.pid)
        extra_s = ''
        if idle:
            time.sleep(idle); extra_s = f' idle{idle}s {rss(p.pid):.0f} MiB'
        print(f'{label:8} listen {listen[0]:5.2f} s cpu {listen[1]:5.2f} s jit {listen[2]:5} | ready {wall:5.2f} s  cpu {c:5.2f} s jit {j:5}  rss {r:5.0f} MiB{extra_s}  load {load}', flush=True)
        return wall, c
    finally:
        p.terminate(); p.wait()

idle = int(os.environ.get('IDLE', '0'))
for i in range(runs):
    d = tempfile.mkdtemp(prefix='start-h-')
    once(d, 'new'); once(d, 'existing', idle)
    shutil.rmtree(d)
