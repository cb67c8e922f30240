// Command external-secrets is the controller of the External Secrets Operator v0.16.2 (cmd/controller of
// github.com/external-secrets/external-secrets, its root command) with only what floe's E2E check GAP-006
// uses: the SecretStore, ClusterSecretStore and ExternalSecret reconcilers, and the built-in fake provider.
// Upstream's main also runs the PushSecret, ClusterExternalSecret, ClusterPushSecret and GeneratorState
// reconcilers, the webhook and the cert controller: none of them is linked here, so it needs only the CRDs of
// the three kinds it reconciles. Its reconcilers link every provider and generator through two register
// packages, which the image's build replaces (register/*.go, see scripts/images.sh): no cloud SDK is compiled.
// The reconcilers, their options and the flags kept are upstream's, with upstream's defaults.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"go.uber.org/zap/zapcore"
	v1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	utilruntime "k8s.io/apimachinery/pkg/util/runtime"
	clientgoscheme "k8s.io/client-go/kubernetes/scheme"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/cache"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/controller"
	"sigs.k8s.io/controller-runtime/pkg/healthz"
	"sigs.k8s.io/controller-runtime/pkg/log/zap"
	"sigs.k8s.io/controller-runtime/pkg/metrics/server"

	esv1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1"
	esv1alpha1 "github.com/external-secrets/external-secrets/apis/externalsecrets/v1alpha1"
	genv1alpha1 "github.com/external-secrets/external-secrets/apis/generators/v1alpha1"
	ctrlcommon "github.com/external-secrets/external-secrets/pkg/controllers/common"
	"github.com/external-secrets/external-secrets/pkg/controllers/externalsecret"
	"github.com/external-secrets/external-secrets/pkg/controllers/externalsecret/esmetrics"
	ctrlmetrics "github.com/external-secrets/external-secrets/pkg/controllers/metrics"
	"github.com/external-secrets/external-secrets/pkg/controllers/secretstore"
	"github.com/external-secrets/external-secrets/pkg/controllers/secretstore/cssmetrics"
	"github.com/external-secrets/external-secrets/pkg/controllers/secretstore/ssmetrics"

	// The one provider: spec.provider.fake (static data held by the store itself).
	_ "github.com/external-secrets/external-secrets/pkg/provider/fake"
)

// Version is set at build time (-X main.Version=...).
var Version = "dev"

func main() {
	var (
		metricsAddr, healthzAddr, controllerClass, loglevel, namespace string
		leaderElection, clusterStores, managedSecretsCache, floodGate  bool
		concurrent, clientBurst                                        int
		clientQPS                                                      float64
		storeRequeueInterval                                           time.Duration
		version                                                        bool
	)
	flag.StringVar(&metricsAddr, "metrics-addr", ":8080", "The address the metric endpoint binds to.")
	flag.StringVar(&healthzAddr, "healthz-addr", ":8081", "The address the health endpoints (/healthz, /readyz) bind to.")
	flag.StringVar(&controllerClass, "controller-class", "default", "The controller is instantiated with a specific controller name and filters ES based on this property")
	flag.BoolVar(&leaderElection, "enable-leader-election", false, "Enable leader election for controller manager.")
	flag.IntVar(&concurrent, "concurrent", 1, "The number of concurrent reconciles.")
	flag.Float64Var(&clientQPS, "client-qps", 50, "QPS configuration to be passed to rest.Client")
	flag.IntVar(&clientBurst, "client-burst", 100, "Maximum Burst allowed to be passed to rest.Client")
	flag.StringVar(&loglevel, "loglevel", "info", "loglevel to use, one of: debug, info, warn, error, dpanic, panic, fatal")
	flag.StringVar(&namespace, "namespace", "", "watch external secrets scoped in the provided namespace only")
	flag.BoolVar(&clusterStores, "enable-cluster-store-reconciler", true, "Enable cluster store reconciler.")
	flag.BoolVar(&managedSecretsCache, "enable-managed-secrets-caching", true, "Enable secrets caching for secrets managed by an ExternalSecret")
	flag.DurationVar(&storeRequeueInterval, "store-requeue-interval", 5*time.Minute, "Default Time duration between reconciling (Cluster)SecretStores")
	flag.BoolVar(&floodGate, "enable-flood-gate", true, "Enable flood gate. External secret will be reconciled only if the ClusterStore or Store have an healthy or unknown state.")
	flag.BoolVar(&version, "version", false, "Print the version and exit.")
	flag.Parse()
	if version {
		fmt.Printf("external-secrets %s (controller: SecretStore, ClusterSecretStore, ExternalSecret; provider: fake)\n", Version)
		return
	}

	var lvl zapcore.Level
	if err := lvl.UnmarshalText([]byte(loglevel)); err != nil {
		fmt.Fprintf(os.Stderr, "--loglevel %q: %v\n", loglevel, err)
		os.Exit(2)
	}
	ctrl.SetLogger(zap.New(zap.UseFlagOptions(&zap.Options{Level: lvl, TimeEncoder: zapcore.ISO8601TimeEncoder})))
	setupLog := ctrl.Log.WithName("setup")
	fail := func(err error, what string) {
		setupLog.Error(err, what)
		os.Exit(1)
	}

	scheme := runtime.NewScheme()
	utilruntime.Must(clientgoscheme.AddToScheme(scheme))
	utilruntime.Must(esv1.AddToScheme(scheme))
	utilruntime.Must(esv1alpha1.AddToScheme(scheme))
	utilruntime.Must(genv1alpha1.AddToScheme(scheme))

	ctrlmetrics.SetUpLabelNames(false)
	esmetrics.SetUpMetrics()
	config := ctrl.GetConfigOrDie()
	config.QPS = float32(clientQPS)
	config.Burst = clientBurst
	mgrOpts := ctrl.Options{
		Scheme:                 scheme,
		Metrics:                server.Options{BindAddress: metricsAddr},
		HealthProbeBindAddress: healthzAddr,
		// As upstream's defaults: Secrets and ConfigMaps are not cached (only the managed Secrets, below).
		Client:           client.Options{Cache: &client.CacheOptions{DisableFor: []client.Object{&v1.Secret{}, &v1.ConfigMap{}}}},
		LeaderElection:   leaderElection,
		LeaderElectionID: "external-secrets-controller",
	}
	if namespace != "" {
		mgrOpts.Cache.DefaultNamespaces = map[string]cache.Config{namespace: {}}
	}
	mgr, err := ctrl.NewManager(config, mgrOpts)
	if err != nil {
		fail(err, "unable to start manager")
	}
	if err := mgr.AddHealthzCheck("ping", healthz.Ping); err != nil {
		fail(err, "unable to add the health check")
	}
	if err := mgr.AddReadyzCheck("ping", healthz.Ping); err != nil {
		fail(err, "unable to add the readiness check")
	}
	secretClient := mgr.GetClient()
	if managedSecretsCache {
		if secretClient, err = ctrlcommon.BuildManagedSecretClient(mgr, namespace); err != nil {
			fail(err, "unable to create managed secret client")
		}
	}
	opts := func() controller.Options {
		return controller.Options{MaxConcurrentReconciles: concurrent, RateLimiter: ctrlcommon.BuildRateLimiter()}
	}

	ssmetrics.SetUpMetrics()
	if err := (&secretstore.StoreReconciler{
		Client:          mgr.GetClient(),
		Log:             ctrl.Log.WithName("controllers").WithName("SecretStore"),
		Scheme:          mgr.GetScheme(),
		ControllerClass: controllerClass,
		RequeueInterval: storeRequeueInterval,
	}).SetupWithManager(mgr, opts()); err != nil {
		fail(err, "unable to create controller SecretStore")
	}
	if clusterStores {
		cssmetrics.SetUpMetrics()
		if err := (&secretstore.ClusterStoreReconciler{
			Client:          mgr.GetClient(),
			Log:             ctrl.Log.WithName("controllers").WithName("ClusterSecretStore"),
			Scheme:          mgr.GetScheme(),
			ControllerClass: controllerClass,
			RequeueInterval: storeRequeueInterval,
		}).SetupWithManager(mgr, opts()); err != nil {
			fail(err, "unable to create controller ClusterSecretStore")
		}
	}
	if err := (&externalsecret.Reconciler{
		Client:                    mgr.GetClient(),
		SecretClient:              secretClient,
		Log:                       ctrl.Log.WithName("controllers").WithName("ExternalSecret"),
		Scheme:                    mgr.GetScheme(),
		RestConfig:                mgr.GetConfig(),
		ControllerClass:           controllerClass,
		RequeueInterval:           time.Hour,
		ClusterSecretStoreEnabled: clusterStores,
		EnableFloodGate:           floodGate,
	}).SetupWithManager(mgr, opts()); err != nil {
		fail(err, "unable to create controller ExternalSecret")
	}

	setupLog.Info("starting manager", "version", Version)
	if err := mgr.Start(ctrl.SetupSignalHandler()); err != nil {
		fail(err, "problem running manager")
	}
}
