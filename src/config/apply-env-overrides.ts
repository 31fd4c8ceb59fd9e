// The environment variables that override config/gateway.yaml (PORT, HOST, REDIS_URL, REDIS_CLUSTER_NODES, LOG_LEVEL).

type Env = Readonly<Record<string, string | undefined>>;
type Tree = Record<string, unknown>;

function child(tree: Tree, key: string): Tree {
  const existing = tree[key];
  if (existing !== null && typeof existing === 'object' && !Array.isArray(existing)) return existing as Tree;
  const created: Tree = {};
  tree[key] = created;
  return created;
}

/** Returns a copy of the raw gateway tree with env overrides applied (validation happens afterwards, so a bad PORT is reported like a bad file). */
export function applyEnvOverrides(raw: Tree, env: Env): Tree {
  const tree: Tree = structuredClone(raw);
  if (env.PORT !== undefined && env.PORT !== '') {
    const asNumber = Number(env.PORT);
    child(child(tree, 'listeners'), 'public').port = Number.isInteger(asNumber) ? asNumber : env.PORT;
  }
  if (env.HOST) child(child(tree, 'listeners'), 'public').host = env.HOST;
  if (env.REDIS_CLUSTER_NODES) {
    const store = child(tree, 'store');
    store.kind = 'redis';
    store.clusterNodes = env.REDIS_CLUSTER_NODES.split(',').map((s) => s.trim()).filter(Boolean);
    delete store.url;
  } else if (env.REDIS_URL) {
    const store = child(tree, 'store');
    store.kind = 'redis';
    store.url = env.REDIS_URL;
    delete store.clusterNodes;
  }
  if (env.LOG_LEVEL) child(tree, 'logging').level = env.LOG_LEVEL;
  return tree;
}
