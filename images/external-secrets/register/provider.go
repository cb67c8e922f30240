// Replaces pkg/provider/register/register.go of github.com/external-secrets/external-secrets v0.16.2 in this
// image's build: scripts/images.sh builds ../main.go against a copy of the module with this file in its place.
// The controllers import that package, which links every provider; here it links only the fake provider, so
// no cloud SDK is compiled.
package register

import (
	_ "github.com/external-secrets/external-secrets/pkg/provider/fake"
)
