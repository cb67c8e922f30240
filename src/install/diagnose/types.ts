// The shapes of the API objects the diagnosis reads (only the fields it uses, as `kubectl get -o json`
// returns them) and the typed causes it produces. Pure: nothing here talks to a cluster.

export interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ kind: string; name: string; uid?: string }>;
}

export interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface ContainerState {
  waiting?: { reason?: string; message?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode: number; reason?: string; message?: string; signal?: number };
}

export interface ContainerStatus {
  name: string;
  image?: string;
  ready?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

export interface Pod {
  kind?: "Pod";
  metadata: Meta;
  spec?: {
    nodeSelector?: Record<string, string>;
    volumes?: Array<{ name: string; persistentVolumeClaim?: { claimName: string } }>;
    containers?: Array<{ name: string; image?: string }>;
    initContainers?: Array<{ name: string; image?: string }>;
  };
  status?: {
    phase?: string;
    reason?: string;
    message?: string;
    conditions?: Condition[];
    containerStatuses?: ContainerStatus[];
    initContainerStatuses?: ContainerStatus[];
  };
}

export interface Selector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}

export interface Workload {
  kind?: "Deployment" | "StatefulSet";
  metadata: Meta;
  spec?: { replicas?: number; selector?: Selector };
  status?: {
    replicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: Condition[];
  };
}

export interface Job {
  kind?: "Job";
  metadata: Meta;
  spec?: { backoffLimit?: number; completions?: number; selector?: Selector };
  status?: { active?: number; succeeded?: number; failed?: number; conditions?: Condition[] };
}

export interface Pvc {
  kind?: "PersistentVolumeClaim";
  metadata: Meta;
  spec?: { storageClassName?: string | null; volumeName?: string };
  status?: { phase?: string; conditions?: Condition[] };
}

export interface KEvent {
  kind?: "Event";
  metadata?: Meta;
  involvedObject: { kind?: string; name?: string; uid?: string; fieldPath?: string };
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string | null;
  eventTime?: string | null;
}

/** The logs of one container: its current run and, after a restart, the run before (`--previous`). */
export interface ContainerLogs {
  current?: string;
  previous?: string;
}

/** What the diagnosis reads about one namespace. `logs` is keyed `<pod>/<container>`. */
export interface NamespaceState {
  pods: Pod[];
  deployments: Workload[];
  statefulsets: Workload[];
  jobs: Job[];
  pvcs: Pvc[];
  events: KEvent[];
  logs?: Record<string, ContainerLogs>;
}

export const causeKinds = [
  "image-pull",
  "crash-loop",
  "container-failed",
  "pending-pvc",
  "unschedulable",
  "failing-probe",
  "job-backoff",
  "unknown",
] as const;
export type CauseKind = (typeof causeKinds)[number];

/** One cause: what it is, one line saying it with the object's own words, and the evidence behind it. */
export interface Cause {
  kind: CauseKind;
  /** One line, e.g. `image registry.example.invalid/x:1 cannot be pulled (ErrImagePull): ...`. */
  summary: string;
  /** Named pieces of evidence (image, container, exitCode, claim, storageClass, probe, message, ...). */
  evidence: Record<string, string>;
  /** Last log lines of the containers concerned, when there are any. */
  logs?: string[];
}

/** One object that is not ready, with everything said about it and its one cause. */
export interface Diagnosis {
  /** `Kind/name`. */
  object: string;
  /** Why it counts as not ready, e.g. `0/2 ready`, `Pending`. */
  state: string;
  /** `Type=Status (Reason): message`, the object's own conditions that are not as they should be. */
  conditions: string[];
  /** The object's events, oldest first: `Warning FailedScheduling: ... (x3)`. */
  events: string[];
  cause: Cause;
}
