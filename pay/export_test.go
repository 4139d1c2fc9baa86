package pay

import "net/http"

// VerifyCertificatesForTest exposes the /v3/certificates authentication to
// the external fuzz target.
func (c *Client) VerifyCertificatesForTest(h http.Header, body []byte) ([]PlatformCertificate, error) {
	return c.verifyCertificates(h, body)
}
