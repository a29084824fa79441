# Issue 14: wakeups per second of each service's main thread, from bench/idle-wakeups/trace.sh's strace files.
# A wakeup is an epoll wait with a timeout that returned: with events (by peer: kafka, pg, redis) or without
# (a timer; then by what the loop sent before it slept again). Worker futex wakeups: V8's GC/compiler threads.
import re,sys,collections
tag=sys.argv[1]; d='/tmp/idle-wakeups/'+tag
pids=dict(l.split()[::-1] for l in open(d+'/pids'))
PORT={'5432':'pg','9092':'kafka','9093':'kafka','6379':'redis'}
order=['work-order','hotline','portal','centre','legal-aid','mediation']
res={}
for pid,svc in pids.items():
    fdport={}
    for l in open(f'{d}/{svc}.ss'):
        m=re.search(r'\S+:(\d+)\s+users:.*fd=(\d+)',l)
        if m: fdport[m.group(2)]=PORT.get(m.group(1),'other')
    lines=open(f'{d}/{svc}.st').read().splitlines()
    def sec(l):t=l.split()[1];h,m,s=t.split(':');return int(h)*3600+int(m)*60+float(s)
    dur=sec(lines[-1])-sec(lines[0])
    c=collections.Counter(); cur=None; sends=set()
    def close():
        if cur is None: return
        kind,fds=cur
        if kind=='io':
            peers=sorted({fdport.get(f,'other fd (16 was libuv async eventfd: V8 GC tasks)' if f=='16' else 'other fd') for f in fds})
            c['I/O: '+'+'.join(peers)]+=1
        else:
            if 'kafka' in sends: c['timer → kafka request (heartbeat, fetch)']+=1
            elif 'pg' in sends: c['timer → PostgreSQL (sweeper, relay poll, purge)']+=1
            elif 'redis' in sends: c['timer → Redis']+=1
            else: c['timer, no I/O (event-loop-delay monitor, kafkajs queue sweeps, watchdogs)']+=1
    for l in lines:
        if not l.startswith(pid+' '): 
            if 'futex' in l and 'resumed' in l and l.endswith('= 0'): c['_worker futex wakeups']+=1
            continue
        m=re.search(r'(\[.*?\]), 1024, (-?\d+), NULL, 8\) = (\d+)$',l)
        if m:
            timeout=int(m.group(2)); n=int(m.group(3))
            if timeout!=0:
                close(); sends=set()
                cur=('io',set(re.findall(r'u32=(\d+)',m.group(1)))) if n>0 else ('timer',None)
            continue
        m=re.search(r'(?:write|writev|sendto|sendmsg)\((\d+)',l)
        if m and m.group(1) in fdport: sends.add(fdport[m.group(1)]); c['_sends '+fdport[m.group(1)]]+=1
    close()
    res[svc]=(dur,c)
svcs=[s for s in order if s in res]
keys=sorted({k for s in svcs for k in res[s][1]})
print('| wakeups of the main thread per s | '+' | '.join(svcs)+' |')
print('|---|'+'---|'*len(svcs))
tot={s:sum(v for k,v in res[s][1].items() if not k.startswith('_'))/res[s][0] for s in svcs}
for k in [k for k in keys if not k.startswith('_')]+[k for k in keys if k.startswith('_')]:
    print(f'| {k.lstrip("_")} | '+' | '.join('%.2f'%(res[s][1][k]/res[s][0]) for s in svcs)+' |')
print('| **all main-thread wakeups** | '+' | '.join('**%.2f**'%tot[s] for s in svcs)+' |')
print('| seconds traced | '+' | '.join('%.1f'%res[s][0] for s in svcs)+' |')
