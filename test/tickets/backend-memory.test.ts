import { createMemoryTicketBackend } from '../../src/tickets/store/memory-tickets.js'
import { describeTicketBackend, LEASE_MS, POLICY } from './backend.contract.js'

describeTicketBackend('memory', async () => {
  const backend = createMemoryTicketBackend({ retry: POLICY, timerLeaseMs: LEASE_MS })
  return { backend, other: backend, cleanup: async () => {} }
})
