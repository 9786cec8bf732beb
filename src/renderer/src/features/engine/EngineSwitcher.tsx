import { Check, ChevronsUpDown, Laptop, Plus, Server, Trash2 } from 'lucide-react';
import { DropdownMenu } from 'radix-ui';
import { useEffect, useState } from 'react';
import type { ErrorPayload } from '@shared/errors';
import type { KnownEngineView } from '@shared/schemas/engines';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNote } from '../../components/ErrorNote';
import { Spinner } from '../../components/Spinner';
import { StatusDot } from '../../components/StatusDot';
import { api } from '../../lib/api';
import { useBerthStore } from '../../stores/store';
import { AddEngineDialog } from './AddEngineDialog';
import { CONNECTION_TONES, engineStatusText, engineTone } from './engine-labels';
import { useEngines } from './use-engines';
import './engine-switcher.css';

function LocalityBadge({ local }: { local: boolean }) {
  return (
    <Badge tone={local ? 'idle' : 'info'} testId="engine-locality">
      {local ? 'local' : 'remote'}
    </Badge>
  );
}

/**
 * Which engine Berth drives, at the start of the status bar: its name, local or remote, its address and the
 * connection's state. The menu lists every engine Berth knows with its status; choosing one switches the whole app
 * (every page and stream follows the connection). "Add engine…" opens the dialog; engines added in Berth can be
 * removed (not the one in use). A failed switch says why just above the bar.
 */
export function EngineSwitcher() {
  const state = useBerthStore((store) => store.engine);
  const { list, error: listError, reload } = useEngines();
  const [switching, setSwitching] = useState<string | null>(null);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<KnownEngineView | null>(null);
  const menuOpen = useBerthStore((store) => store.engineMenuOpen);
  const setMenuOpen = useBerthStore((store) => store.setEngineMenuOpen);
  // The list is loaded each time the menu opens, from the trigger or from the palette's "Switch engine…".
  useEffect(() => {
    if (menuOpen) void reload();
  }, [menuOpen, reload]);

  const current = list?.engines.find((engine) => engine.current) ?? null;
  const name = current?.name ?? state?.endpoint?.context ?? (state?.endpoint ? 'default' : 'no engine');
  const local = current?.local ?? state?.endpoint?.local ?? true;
  const removable = list?.engines.filter((engine) => engine.removable && !engine.current) ?? [];

  const switchTo = async (engine: KnownEngineView) => {
    setError(null);
    setSwitching(engine.name);
    try {
      const result = await api.engines.switch({ name: engine.name });
      if (!result.ok) setError(result.error);
      else if (result.value.state.status === 'unreachable') {
        setError({
          code: 'E_ENGINE_UNREACHABLE',
          message: `Switched to "${engine.name}", but it does not answer: ${result.value.state.reason ?? ''}`,
          fix: result.value.state.fix ?? undefined,
        });
      }
    } finally {
      setSwitching(null);
      await reload();
    }
  };

  const remove = async (engine: KnownEngineView) => {
    setRemoving(null);
    const result = await api.engines.remove({ name: engine.name });
    if (!result.ok) setError(result.error);
    await reload();
  };

  return (
    <div className="engine-switcher" data-testid="engine-switcher">
      <DropdownMenu.Root modal={false} open={menuOpen} onOpenChange={setMenuOpen}>
        <DropdownMenu.Trigger asChild>
          <button type="button" className="engine-trigger" data-testid="engine-switcher-trigger" title="Switch engine">
            {switching ? <Spinner /> : <StatusDot tone={CONNECTION_TONES[state?.status ?? 'connecting']} />}
            <span className="engine-trigger-name" data-testid="engine-current-name">
              {switching ?? name}
            </span>
            <LocalityBadge local={local} />
            {state?.endpoint && <span className="engine-trigger-address">{state.endpoint.address}</span>}
            <span className="visually-hidden">{`, ${state?.status ?? 'connecting'}. Switch engine`}</span>
            <ChevronsUpDown size={14} aria-hidden="true" className="engine-trigger-chevron" />
          </button>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            className="menu engine-menu"
            side="top"
            align="start"
            sideOffset={4}
            collisionPadding={8}
            loop
            data-testid="engine-menu"
          >
            <DropdownMenu.Label className="engine-menu-title">Engines</DropdownMenu.Label>
            {listError && <p className="engine-menu-error">{listError.message}</p>}
            {list?.engines.map((engine) => (
              <DropdownMenu.Item
                key={`${engine.origin}:${engine.name}`}
                className="menu-item engine-option"
                data-testid={`engine-option-${engine.name}`}
                data-current={engine.current || undefined}
                disabled={switching !== null}
                onSelect={() => {
                  if (!engine.current) void switchTo(engine);
                }}
              >
                <span className="menu-item-icon" aria-hidden="true">
                  {engine.current ? <Check size={14} /> : engine.local ? <Laptop size={14} /> : <Server size={14} />}
                </span>
                <StatusDot tone={engineTone(engine, state)} />
                <span className="engine-option-text">
                  <span className="engine-option-name">
                    {engine.name}
                    {engine.current && <span className="visually-hidden"> (in use)</span>}
                  </span>
                  <span className="engine-option-detail" title={engineStatusText(engine, state)}>
                    {engine.address} · {engine.detail} · {engineStatusText(engine, state)}
                  </span>
                </span>
                <LocalityBadge local={engine.local} />
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item" data-testid="engine-add" onSelect={() => setAdding(true)}>
              <span className="menu-item-icon" aria-hidden="true">
                <Plus size={14} />
              </span>
              <span className="menu-item-label">Add engine…</span>
            </DropdownMenu.Item>
            {removable.length > 0 && (
              <DropdownMenu.Sub>
                <DropdownMenu.SubTrigger className="menu-item" data-testid="engine-remove-menu">
                  <span className="menu-item-icon" aria-hidden="true">
                    <Trash2 size={14} />
                  </span>
                  <span className="menu-item-label">Remove engine</span>
                  <span className="menu-item-hint" aria-hidden="true">
                    ›
                  </span>
                </DropdownMenu.SubTrigger>
                <DropdownMenu.Portal>
                  <DropdownMenu.SubContent className="menu" sideOffset={4} collisionPadding={8} loop>
                    {removable.map((engine) => (
                      <DropdownMenu.Item
                        key={engine.name}
                        className="menu-item destructive"
                        data-testid={`engine-remove-${engine.name}`}
                        onSelect={() => setRemoving(engine)}
                      >
                        <span className="menu-item-label">{engine.name}…</span>
                      </DropdownMenu.Item>
                    ))}
                  </DropdownMenu.SubContent>
                </DropdownMenu.Portal>
              </DropdownMenu.Sub>
            )}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
      {error && (
        <div className="engine-switch-error">
          <ErrorNote compact error={error} testId="engine-switch-error" onDismiss={() => setError(null)} />
        </div>
      )}
      {adding && (
        <AddEngineDialog
          onCancel={() => setAdding(false)}
          onAdded={() => {
            setAdding(false);
            void reload();
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove engine "${removing.name}"?`}
          action="Remove engine"
          destructive
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
          testId="engine-remove-confirm"
          confirmTestId="engine-remove-ok"
        >
          <p>
            Berth and <code>berth --context</code> forget {removing.address}. Nothing on that engine changes; you can
            add it again later.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
