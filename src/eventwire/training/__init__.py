"""Training the event coder on the gold folders: data, folds, features fitted with scikit-learn,
out-of-fold evaluation, and the PETRARCH2 dictionary converter."""
