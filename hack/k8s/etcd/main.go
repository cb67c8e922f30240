// Command etcd is the etcd server, built from the same go.etcd.io/etcd/server/v3 release that
// k8s.io/kubernetes requires, so the control plane's store matches what the API server is tested with.
package main

import (
	"os"

	"go.etcd.io/etcd/server/v3/etcdmain"
)

func main() {
	etcdmain.Main(os.Args)
}
