import type { ContainerStats, ProjectStats, ServiceStats, StatsMessage, StatsTarget } from '@shared/schemas/stats';

/** Readings kept per container and service for sparklines: five minutes at the sampler's 2 s rounds. */
export const STATS_HISTORY = 150;

export interface StatsData {
  /** The running containers sampled now; null until the stream first says. */
  targets: StatsTarget[] | null;
  /** Recent readings per container id, oldest first. */
  history: Record<string, ContainerStats[]>;
  /** The latest sums per `project/service` and per project. */
  services: Record<string, ServiceStats>;
  /** Recent sums per `project/service`, oldest first (the card's sparkline). */
  serviceHistory: Record<string, ServiceStats[]>;
  projects: Record<string, ProjectStats>;
  notice: string | null;
}

export const EMPTY_STATS: StatsData = {
  targets: null,
  history: {},
  services: {},
  serviceHistory: {},
  projects: {},
  notice: null,
};

export const serviceStatsKey = (project: string, service: string) => `${project}/${service}`;

function appendCapped<T>(list: T[] | undefined, items: T[]): T[] {
  return [...(list ?? []), ...items].slice(-STATS_HISTORY);
}

/** Folds one stream message into the data (pure, so it is tested without a stream). */
export function withStatsMessage(data: StatsData, message: StatsMessage): StatsData {
  switch (message.type) {
    case 'targets': {
      const live = new Set(message.targets.map((target) => target.id));
      const history = Object.fromEntries(Object.entries(data.history).filter(([id]) => live.has(id)));
      return { ...data, targets: message.targets, history };
    }
    case 'history':
    case 'samples': {
      const history = { ...data.history };
      for (const sample of message.samples) history[sample.id] = appendCapped(history[sample.id], [sample]);
      if (message.type === 'history') return { ...data, history };
      const services: Record<string, ServiceStats> = {};
      const serviceHistory = { ...data.serviceHistory };
      for (const totals of message.services) {
        const key = serviceStatsKey(totals.project, totals.service);
        services[key] = totals;
        serviceHistory[key] = appendCapped(serviceHistory[key], [totals]);
      }
      const projects = Object.fromEntries(message.projects.map((totals) => [totals.project, totals]));
      return { ...data, history, services, serviceHistory, projects };
    }
    case 'notice':
      return { ...data, notice: message.text };
  }
}
