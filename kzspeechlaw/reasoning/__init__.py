"""Reasoning over facts and the law: incidents, classification, lex mitior, assessment, sentencing, amnesties."""
