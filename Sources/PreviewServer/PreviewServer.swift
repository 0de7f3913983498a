// The preview server lands here (issue 6).
