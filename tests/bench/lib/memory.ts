/**
 * Memory of a group of processes, from /proc (Linux): resident (RSS) and proportional (PSS) set sizes per
 * process, and for the group as a whole the memory it would hold on a machine of its own:
 *
 *   alone = Σ anonymous and shared-memory PSS  +  each mapped file's resident pages once (the largest RSS of that
 *           file in any process of the group)
 *
 * RSS counts PostgreSQL's shared buffers once per backend and the node binary once per process; PSS divides
 * shared pages among every process that maps them, including processes outside the group (other node programs on
 * the machine), and so undercounts on a busy machine. `alone` counts what the group's own processes share once,
 * whoever else maps it.
 */
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessMemory {
  pid: number;
  name: string;
  rssKb: number;
  pssKb: number;
}

export interface GroupMemory {
  processes: ProcessMemory[];
  rssKb: number;
  pssKb: number;
  aloneKb: number;
}

/** The process and all its descendants, found through /proc/<pid>/stat. */
export function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {} // gone meanwhile
  }
  const all: number[] = [];
  const visit = (pid: number) => {
    all.push(pid);
    for (const child of parents.get(pid) ?? []) visit(child);
  };
  visit(root);
  return all;
}

/** What to call a process in a table: a service's name from its entry file, or PostgreSQL's process title. */
export function processName(pid: number): string {
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  const title = args.join(' ');
  if (title.startsWith('postgres:')) return `postgres (${title.replace(/^postgres: /, '').split(' ')[0]})`;
  if (/\/bin\/postgres$/.test(args[0] ?? '')) return 'postgres (postmaster)';
  const entry = args.find((arg) => /\.(m?js|ts)$/.test(arg) && !arg.startsWith('--'));
  if (!entry) return title.slice(0, 40);
  const match = /(?:^|\/)(subgraphs\/\w+|router|shell|scripts|dist)\/(?:dist\/|dist-server\/|src\/)?([\w.-]+)$/.exec(
    entry,
  );
  return match ? `${match[1]}/${match[2]}` : entry;
}

interface Mapping {
  /** A regular file (not shared memory that shows as a deleted file). */
  file: string | undefined;
  rss: number;
  anonymous: number;
  pss: number;
}

/** Fields of /proc/<pid>/smaps_rollup, in kB. */
function rollup(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const match of readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').matchAll(/^(\w+):\s+(\d+) kB/gm)) {
    out[match[1] as string] = Number(match[2]);
  }
  return out;
}

function mappings(pid: number): Mapping[] {
  const out: Mapping[] = [];
  let current: Mapping | undefined;
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ (\d+)\s+(.*)$/.exec(line);
    if (header) {
      const inode = header[1];
      const path = (header[2] ?? '').trim();
      const regular = inode !== '0' && path.startsWith('/') && !/^\/(dev|SYSV|memfd)|\(deleted\)$/.test(path);
      current = { file: regular ? path : undefined, rss: 0, anonymous: 0, pss: 0 };
      out.push(current);
      continue;
    }
    const field = /^(\w+):\s+(\d+) kB/.exec(line);
    if (!field || !current) continue;
    const kb = Number(field[2]);
    if (field[1] === 'Rss') current.rss = kb;
    else if (field[1] === 'Pss') current.pss = kb;
    else if (field[1] === 'Anonymous') current.anonymous = kb;
  }
  return out;
}

/** Memory of these processes (those that ended meanwhile are left out). */
export function groupMemory(pids: number[]): GroupMemory {
  const processes: ProcessMemory[] = [];
  const fileRss = new Map<string, number>();
  let private_ = 0;
  for (const pid of pids) {
    let maps: Mapping[];
    let name: string;
    let totals: Record<string, number>;
    try {
      name = processName(pid);
      maps = mappings(pid);
      totals = rollup(pid);
    } catch {
      continue;
    }
    // Anonymous pages (also the copied-on-write ones of a file mapping) and shared memory (PostgreSQL's
    // buffers): proportional, as only the group's processes share them.
    private_ += (totals.Pss_Anon ?? 0) + (totals.Pss_Shmem ?? 0);
    const perFile = new Map<string, number>();
    for (const map of maps) {
      if (map.file) perFile.set(map.file, (perFile.get(map.file) ?? 0) + map.rss - map.anonymous);
    }
    for (const [file, kb] of perFile) fileRss.set(file, Math.max(fileRss.get(file) ?? 0, kb));
    processes.push({
      pid,
      name,
      rssKb: maps.reduce((sum, map) => sum + map.rss, 0),
      pssKb: maps.reduce((sum, map) => sum + map.pss, 0),
    });
  }
  const files = [...fileRss.values()].reduce((sum, kb) => sum + kb, 0);
  return {
    processes,
    rssKb: processes.reduce((sum, p) => sum + p.rssKb, 0),
    pssKb: processes.reduce((sum, p) => sum + p.pssKb, 0),
    aloneKb: private_ + files,
  };
}
