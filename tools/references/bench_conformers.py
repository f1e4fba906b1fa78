"""Side-by-side timing: `molforge conformer` against RDKit ETKDG + MMFF (tools/references/rdkit_conformers.py)
on the same SMILES file, process start included, alternating runs so both see the same machine load.

Usage: PYTHONPATH=/usr/lib/x86_64-linux-gnu /usr/bin/python3 tools/references/bench_conformers.py IN.smi MOLFORGE [ROUNDS]
Reports wall-clock and CPU (user+sys of the child) seconds per run, best and median.
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def run(cmd, env=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    smi, molforge = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    here = os.path.dirname(os.path.abspath(__file__))
    env = dict(os.environ, PYTHONPATH='/usr/lib/x86_64-linux-gnu')
    one_core = dict(os.environ, DOTNET_PROCESSOR_COUNT='1')
    n = sum(1 for line in open(smi) if line.strip())
    results = {'molforge': [], 'molforge (1 core)': [], 'rdkit': []}
    for _ in range(rounds):
        results['molforge'].append(run([molforge, 'conformer', smi, '-o', '/tmp/bench_molforge.sdf']))
        results['molforge (1 core)'].append(run([molforge, 'conformer', smi, '-o', '/tmp/bench_molforge1.sdf'], one_core))
        results['rdkit'].append(run(['/usr/bin/python3', os.path.join(here, 'rdkit_conformers.py'), smi, '/tmp/bench_rdkit.sdf'], env))
    print('%d molecules, %d rounds (alternating)' % (n, rounds))
    for k, v in results.items():
        walls = [w for w, _ in v]
        cpus = [c for _, c in v]
        print('%-18s wall best %.2f s median %.2f s | cpu best %.2f s median %.2f s | %.1f ms cpu/molecule'
              % (k, min(walls), statistics.median(walls), min(cpus), statistics.median(cpus), 1000 * min(cpus) / n))


if __name__ == '__main__':
    main()
