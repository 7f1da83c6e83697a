"""Language processing: the spaCy pipeline and the rule-based readers built on it."""
