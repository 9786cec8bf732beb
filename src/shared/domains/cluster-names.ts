/** The `cluster.*` operations and the stream kinds of this domain (names only: the preload imports this). */
export const CLUSTER_OPERATION_NAMES = [
  'cluster.scale',
  'cluster.rollback',
  'cluster.removeStack',
  'cluster.exportKubernetes',
] as const;
export const CLUSTER_STREAM_KINDS = ['clusterView', 'stackDeploy'] as const;
