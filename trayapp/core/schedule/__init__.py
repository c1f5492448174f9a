"""The schedule's parts: the entry model and its JSON codec (entry), the file shared by processes
(store), and the pure rules (rules). The clock-driven state machine is `trayapp.core.scheduler`."""
