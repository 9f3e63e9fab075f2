"""Renderers turn core data (documents, findings, alignments) into text formats."""
