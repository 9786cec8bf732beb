import { useEffect } from 'react';
import { ErrorNote } from '../../components/ErrorNote';
import { useBerthStore } from '../../stores/store';
import { FileBrowser } from './FileBrowser';
import { VolumeList } from './VolumeList';
import './volumes.css';

export function VolumesPage() {
  const connected = useBerthStore((state) => state.engine?.status === 'connected');
  const loadVolumes = useBerthStore((state) => state.loadVolumes);
  const error = useBerthStore((state) => state.volumeListError);
  const target = useBerthStore((state) => state.browseTarget);

  useEffect(() => {
    if (connected) void loadVolumes();
  }, [connected, loadVolumes]);

  if (!connected) return <p className="empty">Waiting for the Docker engine…</p>;
  return (
    <div className="volumes-page">
      {error && <ErrorNote error={error} testId="volumes-error" />}
      <VolumeList />
      {target ? (
        <FileBrowser key={JSON.stringify(target)} target={target} />
      ) : (
        <p className="empty">Pick a volume or a bind mount to browse it.</p>
      )}
    </div>
  );
}
