import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..');

interface ScrapeConfig {
  job_name: string;
  metrics_path: string;
  static_configs: { targets: string[] }[];
}

describe('observability profile', () => {
  const compose = parse(readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
    services: Record<string, { profiles?: string[]; ports?: string[]; environment?: Record<string, string> }>;
  };
  const prometheus = parse(readFileSync(path.join(root, 'deploy/observability/prometheus.yml'), 'utf8')) as {
    scrape_configs: ScrapeConfig[];
    rule_files?: string[];
  };

  it('Prometheus scrapes /metrics of every service under services/ on its compose port', () => {
    for (const name of readdirSync(path.join(root, 'services'))) {
      const job = prometheus.scrape_configs.find((c) => c.job_name === name);
      expect(job).toBeDefined();
      const port = compose.services[name]?.environment?.PORT;
      expect(job?.metrics_path).toBe('/metrics');
      expect(job?.static_configs[0].targets).toEqual([`${name}:${port}`]);
    }
  });

  it('Prometheus loads the alert rules, mounted next to its configuration; a quarantined outbox event pages', () => {
    expect(prometheus.rule_files).toEqual(['alerts.yml']);
    const volumes = (compose.services.prometheus as { volumes?: string[] }).volumes ?? [];
    expect(volumes).toContain('./deploy/observability/alerts.yml:/etc/prometheus/alerts.yml:ro');
    const rules = parse(readFileSync(path.join(root, 'deploy/observability/alerts.yml'), 'utf8')) as {
      groups: {
        rules: { alert: string; expr: string; labels: Record<string, string>; annotations: Record<string, string> }[];
      }[];
    };
    const all = rules.groups.flatMap((g) => g.rules);
    const quarantine = all.find((r) => r.alert === 'OutboxMessageQuarantined');
    expect(quarantine?.expr).toContain('outbox_quarantined_messages');
    expect(quarantine?.labels.severity).toBe('page');
    for (const rule of all) expect(rule.annotations.summary).toBeTruthy();
  });

  it('Prometheus and Grafana run only in the observability profile, with a provisioned dashboard', () => {
    expect(compose.services.prometheus.profiles).toEqual(['observability']);
    expect(compose.services.grafana.profiles).toEqual(['observability']);
    const dashboard = JSON.parse(
      readFileSync(path.join(root, 'deploy/observability/grafana/dashboards/on-call.json'), 'utf8'),
    ) as { panels: { title: string }[] };
    const titles = dashboard.panels.map((p) => p.title).join(' | ');
    for (const needed of [
      'HTTP requests',
      '5xx',
      'latency',
      'Outbox backlog',
      'Outbox quarantine',
      'Consumer lag',
      'Dead letters',
      'Offers',
      'Deadlines',
      'Work orders by state',
    ]) {
      expect(titles).toContain(needed);
    }
  });
});
