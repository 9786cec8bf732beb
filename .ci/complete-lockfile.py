# Adds lock entries for rollup's optional platform packages that the registry here does not serve.
import json, collections, sys
p = sys.argv[1] if len(sys.argv) > 1 else 'package-lock.json'
lock = json.load(open(p), object_pairs_hook=collections.OrderedDict)
pk = lock['packages']
added = 0
for key, entry in list(pk.items()):
    if not key.endswith('node_modules/rollup'):
        continue
    prefix = key[: -len('rollup')]
    for name, ver in entry.get('optionalDependencies', {}).items():
        k = prefix + name
        if k in pk or not name.startswith('@rollup/rollup-'):
            continue
        parts = name.split('/')[1].split('-')
        platform_entry = collections.OrderedDict(version=ver, cpu=[parts[2]], dev=entry.get('dev', False), license='MIT', optional=True, os=[parts[1]])
        if parts[1] == 'linux':
            platform_entry['libc'] = ['musl' if name.endswith('musl') else 'glibc']
        if not platform_entry['dev']:
            del platform_entry['dev']
        pk[k] = platform_entry
        added += 1
lock['packages'] = collections.OrderedDict(sorted(pk.items(), key=lambda kv: (kv[0] != '', kv[0])))
with open(p, 'w') as f:
    json.dump(lock, f, indent=2)
    f.write('\n')
print(f'added {added} lock entries for platform packages this registry does not serve')
