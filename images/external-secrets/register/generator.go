// Replaces pkg/generator/register/register.go of github.com/external-secrets/external-secrets v0.16.2 in this
// image's build: scripts/images.sh builds ../main.go against a copy of the module with this file in its place.
// Only the generators that need no cloud SDK (fake, password, uuid); the chart's ExternalSecrets use none.
package register

import (
	_ "github.com/external-secrets/external-secrets/pkg/generator/fake"
	_ "github.com/external-secrets/external-secrets/pkg/generator/password"
	_ "github.com/external-secrets/external-secrets/pkg/generator/uuid"
)
