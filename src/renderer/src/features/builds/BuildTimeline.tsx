import { ChevronRight, CircleAlert, CircleCheck, Hammer, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import type { BuildStep } from '@shared/schemas/compose-progress';
import { Spinner } from '../../components/Spinner';
import { stepTiming, timelineSummary, type BuildTimeline as Timeline } from '../../stores/build-timeline';
import './builds.css';

function StepIcon({ step }: { step: BuildStep }) {
  if (step.state === 'running') return <Spinner />;
  if (step.state === 'error') return <CircleAlert size={14} className="build-step-icon bad" aria-hidden="true" />;
  return <CircleCheck size={14} className="build-step-icon ok" aria-hidden="true" />;
}

function StepRow({ step, output }: { step: BuildStep; output: string[] }) {
  const failed = step.state === 'error';
  const lines = failed && step.lastOutput?.length ? step.lastOutput : output;
  const [open, setOpen] = useState(failed);
  const expandable = lines.length > 0 || Boolean(step.source) || Boolean(step.error);
  return (
    <li className={`build-step state-${step.state}`} data-testid="build-step" data-state={step.state}>
      <button
        type="button"
        className="build-step-row"
        aria-expanded={expandable ? open : undefined}
        disabled={!expandable}
        onClick={() => setOpen(!open)}
      >
        <ChevronRight size={12} className={open ? 'chevron open' : 'chevron'} aria-hidden="true" />
        <StepIcon step={step} />
        <span className="mono build-step-number">#{step.number}</span>
        <span className="build-step-name truncate" title={step.name}>
          {step.name}
        </span>
        <span className={step.state === 'cached' ? 'build-step-timing cached' : 'build-step-timing'}>
          {step.state === 'running' && step.status ? step.status : stepTiming(step)}
        </span>
      </button>
      {open && expandable && (
        <div className="build-step-detail">
          {step.source && (
            <p className="mono build-step-source">
              {step.source.file}:{step.source.line} <span className="muted">{step.source.instruction}</span>
            </p>
          )}
          {step.error && <p className="build-step-error">{step.error}</p>}
          {lines.length > 0 && <pre className="build-step-output">{lines.join('\n')}</pre>}
        </div>
      )}
    </li>
  );
}

/** One service's build: a summary row that opens the steps, each with its timing and, on demand, its output. */
export function BuildTimeline({ service, timeline }: { service: string; timeline: Timeline }) {
  const [open, setOpen] = useState(timeline.status === 'failed');
  const expanded = open || timeline.status === 'failed';
  return (
    <section
      className="build-timeline"
      data-testid="build-timeline"
      data-service={service}
      data-status={timeline.status}
    >
      <button type="button" className="build-timeline-head" aria-expanded={expanded} onClick={() => setOpen(!open)}>
        <ChevronRight size={14} className={expanded ? 'chevron open' : 'chevron'} aria-hidden="true" />
        {timeline.status === 'building' ? <Spinner /> : <Hammer size={14} aria-hidden="true" />}
        <span className="build-timeline-title">
          {timeline.status === 'building' ? 'Building' : timeline.status === 'failed' ? 'Build failed' : 'Built'}{' '}
          <strong>{service}</strong>
        </span>
        <span className="muted">{timelineSummary(timeline)}</span>
        {timeline.builder === 'classic' && <span className="badge">classic builder</span>}
      </button>
      {expanded && (
        <div className="build-timeline-body">
          {timeline.warnings.map((warning) => (
            <p key={warning} className="build-warning">
              <TriangleAlert size={13} aria-hidden="true" /> {warning}
            </p>
          ))}
          {timeline.steps.length > 0 ? (
            <ol className="build-steps">
              {timeline.steps.map((step) => (
                <StepRow key={step.number} step={step} output={timeline.output[step.number] ?? []} />
              ))}
            </ol>
          ) : (
            timeline.lines.length > 0 && <pre className="build-step-output">{timeline.lines.join('\n')}</pre>
          )}
        </div>
      )}
    </section>
  );
}
